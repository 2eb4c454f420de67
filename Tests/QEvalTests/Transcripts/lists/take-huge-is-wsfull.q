0W#1 2
/=> 'wsfull
