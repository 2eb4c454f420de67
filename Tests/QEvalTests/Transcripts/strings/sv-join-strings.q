/ a char or string separator joins strings
"-" sv ("2024";"01";"05")
/=> "2024-01-05"
", " sv ("a";"b")
/=> "a, b"
