"""stancetool: attributed quotations from news, labelled for stance in the terminal."""

__version__ = "0.1.0"
