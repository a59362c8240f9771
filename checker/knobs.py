"""Every tuning constant of learning, alignment and judging, each with what it trades.

The rules' `thresholds` (fuzzy, majority, content, window, min-pages, sample) are the knobs a
user turns; these are the ones a user should not need to. Bounds that only cap time or memory
live beside the code they bound.
"""

from __future__ import annotations

# --- Reading: the site's wrap column (normalize.wrap_column) ---------------------------------
# Wrap columns converters use (html2text: 78, fmt: 75, 80-column tools). Wider: a site of long
# unwrapped lines may be searched for a column it does not have; narrower: unusual columns are
# missed.
WRAP_MIN, WRAP_MAX = 60, 100
# Share of a site's in-paragraph line pairs that must read as wrapped at one column. Lower:
# unwrapped text whose long lines happen to precede short words may look wrapped; higher:
# wrapped sites with much short text (menus, tables in paragraphs) are missed.
WRAP_FIT = 0.25
# Share of distinct breakable lines whose prose (links, list items, headings left out) may
# stand past the column. Higher: an unwrapped site of short lines and a few paragraphs may look
# wrapped; lower: a wrapped site with a few over-long words or code lines is not recognised.
WRAP_OVER = 0.03
# Fewer distinct wrapped-looking line pairs than this in the whole sample show no column.
# Lower: two coincidences make a column; higher: small wrapped sites are read unwrapped.
WRAP_LINES = 8

# Words that tell how a line begins: a line that begins as the site's lines begin after a
# line that was not full is never a wrapped line's continuation. Fewer: a paragraph's
# continuation that happens to begin with common words is left unjoined; more: a breadcrumb
# or a field whose third word varies per page no longer reads as a line start.
START_WORDS = 3

# --- Learning: families, versions, slots, fields ---------------------------------------------
# Pages whose shared lines overlap this much (Jaccard, by shape) belong to one family. Lower:
# two languages' blocks merge and flag each other; higher: a family splits over a few lines.
JOIN = 0.5
# A group too small to learn from joins the closest family when this close. Lower: unrelated
# single pages are checked against a family; higher: they are left unchecked.
FOLD = 0.2
# Share of a small family's own linked lines whose targets the larger family's lines also link
# to, above which the small family is an older version of the larger one's block (reworded,
# partly re-pointed) rather than a family of its own (another section's menu). Higher: fewer
# old versions recognised (left as families, never flagged); lower: families with a few common
# links flag each other.
VERSION_SHARE = 0.5
# Share of those lines' words the larger block also uses, above which the two speak one
# language: an old version is reworded, not translated. Lower: a translated family linking to
# the same pages is taken for an old version and flagged; higher: a version reworded more than
# this keeps a family of its own.
VERSION_WORDS = 0.3
# Share of a site's pages a line must stand on to be checked across families. Lower: a line
# most families share is checked on pages of families that lack it; higher: common lines of a
# site with a large minority family go unchecked across families.
SHARED_SUPPORT = 0.8
# A line must stand on this share of the pages to be a candidate for the template (and on
# min-pages of them). Lower: body sentences two pages share crowd the ordering; higher: small
# sites' rarer block lines are matched only later.
CANDIDATE_SHARE = 0.05
# Neighbouring lines that never share a page are one slot's variants when this alike and
# framed by lines both sets of pages hold: a half rolled-out rewording is still the same line.
# Lower: two sections' own menus side by side merge; higher: a rewording splits into two slots.
EXCLUSIVE = 0.4
# How many slots away a rare variant may stand from its slot in the merged order. Higher: a
# rare line may be folded into an unrelated slot; lower: a drifted line shared by a few pages
# that the ordering put a little off becomes an addition instead of a variant.
NEAR = 4
# A run of fewer template lines than this has no line with both neighbours its own: between a
# page's own lines on both sides it is a heading of the page's data, unless it reaches the
# page's edge. Higher: short menus inside the body go unchecked; lower: section headings of
# per-page tables are taken for boilerplate and flag every page that lacks one.
ISLAND = 3
# Share of a slot's pages that must hold lines of their own after it for the gap to be
# per-page content (two pages at least). Lower: two pages' unrelated additions at one place
# pass for content; higher: a per-page line only some pages carry is reported as added.
CONTENT_PAGES = 0.1
# A text repeated this often on one page is list filler ("Vacancy", "|"), not a slot. Lower:
# a block's own repeated separators are lost; higher: list filler crowds the template.
FILLER = 3

# --- Reading: which top folders of a folder of sites are one site (read/sites.py) ----------
# Pages read from each top folder to tell its block. Fewer: a folder's body lines may pass
# for its block and keep it apart; more: a folder of many small sites is read twice over.
SITE_PAGES = 5

# --- Aligning -------------------------------------------------------------------------------
# A line this share of the sample carries is required: its absence is drift whatever stands
# beside it, and position vouches for it when it drifted. Lower: optional boxes are reported
# missing; higher: lines one page in ten lost together go unreported.
REQUIRED_LINE = 0.9
# A block this share of the pages carries (some of its lines at least) is required: a page
# that lacks it alone is reported block-missing. Lower: a widget most pages show is reported
# missing from the rest; higher: a page that lost a whole footer nearly all pages carry is
# not reported (it still is when it lacks every block).
REQUIRED_BLOCK = 0.85
# Below this share of its slots found, a block counts as missing from the page. Higher: a
# page with a heavily drifted block gets block-missing instead of its line findings; lower:
# a few body lines that match block lines make a missing block look present.
BLOCK_FOUND = 0.3
# Similarity enough for the one line right at a block's edge where its last slot is. Lower:
# the body's first line is taken for a drifted edge line; higher: a drifted edge line is
# reported missing plus added instead of changed.
ADJACENT = 0.6
# Similarity enough for the one line left between two placed lines where one required slot is
# missing: its position vouches for it. Lower: an unrelated replacement reads as a change;
# higher: a heavily reworded line reads as missing plus added.
FRAMED = 0.5

# --- Similarity (similarity.py) ---------------------------------------------------------------
# A line whose key survived but whose value changed scores at least this. Higher: value
# changes align even below the fuzzy threshold more often; lower: they may read missing+added.
SAME_KEY = 0.86
# A line that differs only in its numbers or URLs scores at least this.
SAME_SKELETON = 0.9
# Word-order-blind similarity, and similarity of skeletons or of linked lines' words, count a
# little less than the plain one, so a plain match wins a tie.
REORDERED = 0.92
SKELETON_WEIGHT = 0.97

# --- Judging --------------------------------------------------------------------------------
# A clear majority outnumbers the runner-up by this factor. Lower: half rolled-out updates
# flag half the site; higher: more slots end in no-majority.
CLEAR = 1.5
# A block's first or last line missing on more than this share of pages is where the block
# ends on those pages, not a lost line. Lower: real losses at edges go unreported; higher:
# page types whose block ends earlier are flagged.
EDGE_ABSENCE = 0.2
# Values, each on two pages or more, that make a `Key: value` slot a record field (per-page
# content) rather than a line with drift. Lower: a line reworded twice over (an old and an
# older version) passes for a field; higher: a field with few values is flagged as drift.
FIELD_VALUES = 3
# An older block version differs from the current block in at least this many lines. Lower:
# one drifted line shared by several pages is called a version; higher: small versions are
# reported line by line only.
MIN_LINES = 2
