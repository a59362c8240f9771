"""The command line and the pipeline that runs the stages in order: `cli` parses, `commands`
does, `pipeline` runs read -> learn -> align -> judge over every site, `engine` and `workers`
run the per-page stage on local processes or Dask."""
