/ distinct does not use the comparison tolerance
count distinct 1 1+0 1e-14
/=> 2
