"""The exercises: the question bank and its verdicts, the notebook's ``check``, the assignment and the runner.

What runs in a student's kernel (``verdicts``, ``answer_forms``, ``bank``, ``in_notebook``,
``layout``, ``transport``) needs only the reading layer's packages. Making exercises
from solutions (``assign``) and running a notebook sealed off (``runner``) need the
``exercises`` extra (nbformat, nbclient, ipykernel).
"""
