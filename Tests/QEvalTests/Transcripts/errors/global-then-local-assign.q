/ a name assigned as a global cannot then be assigned as a local
{g::1;g:2}
/=> 'g
/=>   [0]  {g::1;g:2}
/=>              ^
