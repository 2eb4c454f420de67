/ select ... by aggregates per group; the groups come out sorted by key
t:([]s:`q`p`q`p`r;v:1 2 3 4 5)
select total:sum v,n:count i by s from t
/=> s| total n
/=> -| -------
/=> p| 6     2
/=> q| 4     2
/=> r| 5     1
