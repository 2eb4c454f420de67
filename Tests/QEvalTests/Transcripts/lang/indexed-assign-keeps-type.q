/ assigning into a typed vector needs an atom of its type
w:10 20 30
w[1]:25
w
/=> 10 25 30
w[0]:1.5
/=> 'type
