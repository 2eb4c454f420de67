/ .Q holds the letter and digit sets
.Q.n
/=> "0123456789"
count .Q.an
/=> 63
