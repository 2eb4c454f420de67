1,`a`b!1 2
/=> 'type
