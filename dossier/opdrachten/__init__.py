"""The commands, one module each: what ``cli`` calls after parsing the arguments.

Each module's main function reads like a table of contents of its command; the stages do the work.
"""
