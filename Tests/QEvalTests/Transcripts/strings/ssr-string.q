/ ssr replaces every match of the pattern
ssr["a-b-c";"-";", "]
/=> "a, b, c"
ssr["2024.01.05";".";"/"]
/=> "2024/01/05"
