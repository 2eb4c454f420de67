/ trim removes blanks from strings and nulls from the ends of other vectors
trim "  hi  "
/=> "hi"
trim 0N 1 0N 2 0N
/=> 1 0N 2
