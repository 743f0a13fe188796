"""Registry text shared by several test modules."""

# One valid claims file about source a.txt, for tests that need a clean registry to start from.
ROADS_CLAIMS = """\
source: a.txt
claims:
  - id: a-roads
    quote: The council spent £7m on roads
    subject: the council
    property: road spending
    value: £7m
"""
