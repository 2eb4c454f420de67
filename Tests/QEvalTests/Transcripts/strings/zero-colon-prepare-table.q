/ delimiter 0: table gives a header line and one line per row
"," 0: ([]n:1 2;s:`a`b)
/=> "n,s"
/=> "1,a"
/=> "2,b"
