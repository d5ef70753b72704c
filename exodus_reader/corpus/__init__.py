"""The corpus: the article verbatim, its annotations and the coverage set, each read and validated once.

``schema`` holds the data contract (every table's columns and rules), ``article`` the one
loader (``load()``), ``coverage`` the other outlets' reports, and ``datapackage`` the
contract exported as a Frictionless data package.
"""
