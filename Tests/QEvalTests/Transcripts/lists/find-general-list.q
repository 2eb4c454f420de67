/ a general list takes a vector as one item, a general list as many
l:(1 2;`a;"xy")
l?1 2
/=> 0
l?(`a;"xy")
/=> 1 2
1 2 3?(3;1 9)
/=> 2
/=> 0 3
