/ upsert into a keyed table replaces rows with existing keys and appends new ones
k:([id:1 2]v:10 20;w:`a`b)
k upsert ([id:2 3]v:200 300)
/=> id| v   w
/=> --| -----
/=> 1 | 10  a
/=> 2 | 200 b
/=> 3 | 300
