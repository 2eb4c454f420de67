/ a semicolon may separate the key columns from the value columns
count ([k:1 2]; v:3 4)
/=> 2
