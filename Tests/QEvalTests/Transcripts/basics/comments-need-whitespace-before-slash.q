/ a slash after whitespace starts a comment; without whitespace it is an iterator
1+2 / three
/=> 3
+/[1 2 3] / six
/=> 6
