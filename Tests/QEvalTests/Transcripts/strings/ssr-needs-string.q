/ ssr works on strings, not on a char atom
ssr["a";"a";"b"]
/=> 'type
