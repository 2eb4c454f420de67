/ 0n and 0w sit among floats in a vector literal; a typed last item types them all
1.5 0n 2
/=> 1.5 0n 2
type 0n 1 2i
/=> 6h
