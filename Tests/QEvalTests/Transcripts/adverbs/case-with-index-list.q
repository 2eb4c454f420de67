/ an index list with each picks item j from argument i[j]
1 0 1'["abc";"xyz"]
/=> "xbz"
0 1'[`p;`q`r]
/=> `p`r
