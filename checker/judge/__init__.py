"""Stage 4, judge: count what each slot holds across a family, decide what is canonical,
name each difference and rate it by the rules (`variants`, `classify`, `findings`), and read
captures over time (`history`, `timeline`)."""
