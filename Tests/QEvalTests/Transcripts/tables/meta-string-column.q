/ meta types a general list column by its first item
meta ([]a:("ab";enlist "cd");b:(1;`x))
/=> c| t f a
/=> -| -----
/=> a| C
/=> b|
