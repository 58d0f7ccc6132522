/** placeholder */ package dev.beak.nn;
