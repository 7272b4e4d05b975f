"""A GTK window whose button drags the files named on the command line, as a file manager
would: xdotool drags from it onto EPSM's window to test real file drops under Xvfb."""
import sys
from pathlib import Path

import gi

gi.require_version("Gtk", "3.0")
from gi.repository import Gdk, Gtk  # noqa: E402

uris = [Path(p).resolve().as_uri() for p in sys.argv[2:]]
x = int(sys.argv[1])

win = Gtk.Window(title="EPSM drag source")
win.set_default_size(220, 120)
win.move(x, 20)
button = Gtk.Button(label="drag these files")
button.drag_source_set(Gdk.ModifierType.BUTTON1_MASK, [], Gdk.DragAction.COPY)
button.drag_source_add_uri_targets()
button.connect("drag-data-get", lambda w, ctx, data, info, t: data.set_uris(uris))
win.add(button)
win.connect("destroy", Gtk.main_quit)
win.show_all()
print("ready", flush=True)
Gtk.main()
