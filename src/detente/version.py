"""Version strings recorded in every output record."""

__version__ = "0.1.0"

#: Versioned name of the rule coder; bumped whenever coding behaviour changes.
CODER_VERSION = "coder.rules.v1"
