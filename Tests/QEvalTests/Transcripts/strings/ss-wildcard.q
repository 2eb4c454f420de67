/ ss patterns may use ? and [..] but not *
"cat cot cut" ss "c?t"
/=> 0 4 8
"cat cot cut" ss "c[ou]t"
/=> 4 8
