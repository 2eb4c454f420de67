/ string cells holding the delimiter are quoted, with quotes doubled
"," 0: ([]s:("plain";"a,b";"say \"x\", ok"))
/=> ,"s"
/=> "plain"
/=> "\"a,b\""
/=> "\"say \"\"x\"\", ok\""
