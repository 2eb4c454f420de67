/ settings commands show their value without an argument and set it with one
\e
/=> 0i
\e 1
\e
/=> 1i
system "S"
/=> -314159i
