"""Stage 1, read: find snapshot files and archive records, decode them, render HTML, and turn
each page into normalized, numbered lines (`snapshot.read`)."""
