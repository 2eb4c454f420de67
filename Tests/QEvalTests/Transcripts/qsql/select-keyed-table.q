/ selecting rows of a keyed table keeps its key; choosing columns does not
kt:([k:1 2 3]v:10 20 30)
select from kt where v>10
/=> k| v
/=> -| --
/=> 2| 20
/=> 3| 30
select v from kt
/=> v
/=> --
/=> 10
/=> 20
/=> 30
