"""The terminal app (Textual). Imported only by the `annotate` and `review` commands, never at start-up."""

from stancetool.tui.app import AnnotateApp, Item, build_annotate_app, is_done, own_current

__all__ = ["AnnotateApp", "Item", "build_annotate_app", "is_done", "own_current"]
