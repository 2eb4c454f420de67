/ unbounded recursion ends in 'stack rather than a crash
f:{f x}
f 1
/=> 'stack
