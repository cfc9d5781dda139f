"""History from git: the portfolio at any revision, what changed and who changed it.

``git`` reads repositories, ``snapshot`` turns a revision into accounts,
``changes`` compares two accounts, ``diff`` two portfolios, ``timeline`` one
account through its commits, ``messages`` says it all in nb and en.
"""
