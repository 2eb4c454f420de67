/ a separator splits a string, keeping empty pieces
"," vs "a,,b"
/=> ,"a"
/=> ""
/=> ,"b"
"::" vs "x::y"
/=> ,"x"
/=> ,"y"
