/ a list of targets casts the matching items of a list
(`int;"f")$(1;2)
/=> 1i
/=> 2f
