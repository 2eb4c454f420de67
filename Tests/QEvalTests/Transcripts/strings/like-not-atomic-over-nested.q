/ like takes a list of strings but does not reach into nested lists
("ab";"cd") like "a*"
/=> 10b
(`ab;`cd`ef) like "a*"
/=> 'type
