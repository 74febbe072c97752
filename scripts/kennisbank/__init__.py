"""Kennisbank Antwerps Onderwijs: load, validate, render, index and export the content.

Data flows one way: files -> loader (parse + validate) -> corpus -> pages / index / exports.
The mkdocs hook, the macros module, the command-line scripts and the tests all call the same
plain functions in this package.
"""
