"""What a lesson shows: the numbers (``lessons``), the figures, the widgets and the frame coding.

Needs only pandas, matplotlib, numpy, Pillow and ipywidgets, so the lessons run in a hub
image, on Colab or in JupyterLite. ``tables`` shows the numbers as captioned tables;
``frame_coding`` compares a student's frame coding with the reference (Cohen's kappa);
``style`` holds the one palette.
"""
