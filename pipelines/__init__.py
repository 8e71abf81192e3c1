"""textwarehouse: raw text (scraped news first of all) into a searchable Parquet + DuckDB warehouse."""

import os

# Arrow's allocator (mimalloc, bundled with pyarrow) keeps memory it has freed for a while before
# handing it back, so a burst of Arrow work left the process's resident memory well above what Arrow
# still held: compacting 13 batch files of a table took +49-82 MiB of resident memory for a pool peak
# of 19-46 MiB. Purging at once (mimalloc's own option, read when pyarrow first allocates, so it is
# set here, before anything imports pyarrow; a value already in the environment wins) measured: the
# same compactions +28-52 MiB (12 tables: 1.19 -> 1.55-1.62 s); the main process's peak on all of
# Reuters (18 batches, traced runs) 342 -> 304 MiB.
os.environ.setdefault("MIMALLOC_PURGE_DELAY", "0")
