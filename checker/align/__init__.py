"""Stage 3, align: set each page's lines against its family's template (`page.Aligner`), or
recognize a page that holds its block verbatim without aligning it (`shortcut`)."""
