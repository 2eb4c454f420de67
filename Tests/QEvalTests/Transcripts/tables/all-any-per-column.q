/ all and any of a table work column by column
all ([]a:1 2;b:0 1)
/=> a| 1
/=> b| 0
any ([]a:0 0;b:0 1)
/=> a| 0
/=> b| 1
