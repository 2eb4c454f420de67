/ a semicolon may follow the key columns of a keyed table literal
([k:1 2]; v:3 4)
/=> k| v
/=> -| -
/=> 1| 3
/=> 2| 4
