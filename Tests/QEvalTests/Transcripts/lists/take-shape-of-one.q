enlist[3]#"abcdef"
/=> "abc"
