"""The spaCy side of stancetool: pipeline components that find quotations and attribute them."""
