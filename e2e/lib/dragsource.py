"""A GTK window whose button drags the files named on the command line, as a file manager
would: xdotool drags from it onto EPSM's window to test real file drops under Xvfb. It prints
what the drag does, one word a line, so that the test waits for the drag, not for a timer:
mapped (the window is on screen), begin (the pointer moved past GTK's threshold), action N
(the window under the pointer answered; N > 0: it accepts the drop), data (the target asked for
the files), end (the drop is over), failed N (it was refused)."""
import sys
from pathlib import Path

import gi

gi.require_version("Gtk", "3.0")
gi.require_version("Gdk", "3.0")
from gi.repository import Gdk, Gtk  # noqa: E402

uris = [Path(p).resolve().as_uri() for p in sys.argv[2:]]
x = int(sys.argv[1])


def say(*words):
    print(*words, flush=True)


def data_get(widget, ctx, data, info, time):
    data.set_uris(uris)
    say("data")


def begin(widget, ctx):
    say("begin")
    ctx.connect("action-changed", lambda c, action: say("action", int(action)))


win = Gtk.Window(title="EPSM drag source")
win.set_default_size(220, 120)
win.move(x, 20)
button = Gtk.Button(label="drag these files")
button.drag_source_set(Gdk.ModifierType.BUTTON1_MASK, [], Gdk.DragAction.COPY)
button.drag_source_add_uri_targets()
button.connect("drag-begin", begin)
button.connect("drag-data-get", data_get)
button.connect("drag-end", lambda w, ctx: say("end"))
button.connect("drag-failed", lambda w, ctx, result: say("failed", int(result)) or False)
win.add(button)
win.connect("destroy", Gtk.main_quit)
win.connect("map-event", lambda w, e: say("mapped") or False)
win.show_all()
Gtk.main()
