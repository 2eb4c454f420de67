sum "abc"
/=> 'type
